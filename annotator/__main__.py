"""Run the command line: ``python -m annotator annotate|explain --vocabulary FILE ARTICLE.json...``."""

import sys

from annotator.cli import main

sys.exit(main())
