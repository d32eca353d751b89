#!/bin/sh
# Renders ksmstudio.svg into the window icons and the about image (needs ImageMagick).
set -e
cd "$(dirname "$0")"
for s in 16 32 48 64 128 256; do
  convert -background none -density 384 ksmstudio.svg -resize ${s}x${s} PNG32:ksmstudio$s.png
done
convert -background none -density 384 ksmstudio.svg -resize 128x128 PNG32:ksmstudio-about.png
