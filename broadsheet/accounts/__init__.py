"""Accounts: the custom user model, staff and (later) readers. Imports only core."""
