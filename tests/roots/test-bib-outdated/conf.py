import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

extensions = ["sphinxcontrib_litreview", "bibprobe"]
project = "Bibliography edits"
litreview_bibliography = ["refs.bib"]
