"""``python -m assessment …``: the command line (see assessment/cli/)."""

import sys

from assessment.cli import main

sys.exit(main())
