import sys

from genesys_sandbox.cli import main

sys.exit(main())
