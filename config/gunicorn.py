"""gunicorn settings: ``gunicorn -c config/gunicorn.py config.wsgi:application``.

Command-line options (workers, bind) still apply on top of these.
"""

import gc
from typing import Any


def post_worker_init(worker: Any) -> None:
    """Freeze what the worker holds once Django is loaded (modules, models, settings).

    Those objects live as long as the worker, yet every full collection walks them again
    (about 200,000 objects, a few hundred microseconds averaged over a page). Frozen, the
    collector leaves them alone; garbage made while serving is collected as before.
    """
    gc.freeze()
