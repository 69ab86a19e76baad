# Plumbline starts this file with the user's Python interpreter to run one Python migration.
# It is written so that any Python can parse it: an interpreter too old for the host gets a
# clear answer (exit code 3) instead of a SyntaxError.
import os
import sys

if sys.version_info < (3, 8):
    sys.stderr.write("plumb: this is Python %d.%d\n" % tuple(sys.version_info[:2]))
    sys.exit(3)

# Plumbline's own confiture package comes first, whether or not Confiture is installed, so a
# migration runs the same on every machine.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import plumb_migration_host  # noqa: E402

sys.exit(plumb_migration_host.main(sys.argv[1:]))
