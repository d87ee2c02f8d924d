"""Development: the embedded defaults, debug on."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)

# The demo editor signs in with a password only, unless STAFF_SECOND_FACTOR=true;
# production always asks staff for a TOTP code (docs/accounts.md).
BROADSHEET_STAFF_SECOND_FACTOR = env.bool("STAFF_SECOND_FACTOR", default=False)
