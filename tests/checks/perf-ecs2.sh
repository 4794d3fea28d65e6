#!/usr/bin/env bash
# tests/checks/perf-ecs2.sh - the generated header compiler/ecs/schema_slots.h
# (the positions of the exported shapes' members, which the ECS rules read
# objects by) is the one grammar/ecs-schema.awk makes of the schema today:
# a stale copy would make the rules read the wrong members.
set -u
name="perf-ecs2 compiler/ecs/schema_slots.h is up to date"
generated=$(awk -v slots=1 -f "$ROOT/grammar/ecs-schema.awk" "$ROOT/grammar/ecs-schema.txt")
if [ "$generated" = "$(cat "$ROOT/compiler/ecs/schema_slots.h")" ]; then
  echo "ok $name"
else
  echo "not ok $name"
  echo "    run: awk -v slots=1 -f grammar/ecs-schema.awk grammar/ecs-schema.txt > compiler/ecs/schema_slots.h"
fi
