#!/bin/sh
# Generates the Prisma client (lib/db/generated) when it is missing or older
# than prisma/schema.prisma. The npm scripts that load it run this first; it
# costs two file checks when the client is current.
set -eu
cd "$(dirname "$0")/.."

if [ ! -f lib/db/generated/client.ts ] || [ prisma/schema.prisma -nt lib/db/generated/client.ts ]; then
  node_modules/.bin/prisma generate
fi
