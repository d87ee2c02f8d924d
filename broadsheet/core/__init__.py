"""Small shared kernel: time wording, pagination cursors, the typed request. Imports nothing above it."""
