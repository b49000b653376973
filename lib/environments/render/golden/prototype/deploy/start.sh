#!/bin/sh

set -eu

npm run serve
