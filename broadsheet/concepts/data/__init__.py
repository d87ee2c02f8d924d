"""The starter vocabulary that ships with Broadsheet, and the hand-curated data it is built from."""
