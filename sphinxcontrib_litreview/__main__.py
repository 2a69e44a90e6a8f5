"""``python -m sphinxcontrib_litreview``: the same as the ``litreview`` command."""

import sys

from sphinxcontrib_litreview.cli import main

sys.exit(main())
