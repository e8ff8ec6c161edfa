#!/usr/bin/env bash
# The PDF report's independent judges: poppler's pdfsig, pdftotext, pdftoppm, pdfdetach, pdfinfo.
set -euo pipefail
command -v pdfsig >/dev/null && command -v pdftoppm >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq poppler-utils >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq poppler-utils >/dev/null; }
