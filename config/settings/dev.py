"""Development: the embedded defaults, debug on."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)
