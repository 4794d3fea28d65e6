#!/usr/bin/env bash
# tests/checks/cfn-params.sh - templates using the parameter and resource
# attributes (cfn_name, cfn_type, list parameters, parameters without
# Default, task definitions without family, cfn_condition, cfn_depends_on)
# pass cfn-lint with no finding, as JSON and as YAML. Skipped (ok # skip)
# where cfn-lint is not installed; tests/e2e/run.sh runs it on the samples.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
HCLC=${HCLC:-$ROOT/hclc}
dir=$(mktemp -d "${TMPDIR:-/tmp}/hclc-cfn-params.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT

cat >"$dir/main.hcl" <<'HCL'
variable "db_password" {
  type          = string
  sensitive     = true
  cfn_parameter = true
  cfn_name      = "DBPassword"
}

variable "image" {
  default       = "/app/image"
  cfn_parameter = true
  cfn_type      = "AWS::SSM::Parameter::Value<String>"
}

variable "dns_servers" {
  type          = list(string)
  default       = ["10.0.0.2", "10.0.0.3"]
  cfn_parameter = true
  cfn_type      = "CommaDelimitedList"
}

variable "subnets" {
  type          = list(string)
  cfn_parameter = true
  cfn_type      = "List<AWS::EC2::Subnet::Id>"
}

variable "env" {
  type          = string
  cfn_parameter = true
}

cloudformation {
  conditions = {
    IsProd = cfn_equals(var.env, "prod")
  }
}

task_definition "web" {
  cfn_name       = "WebTaskDef"
  cfn_condition  = "IsProd"
  cfn_depends_on = ["WorkerTaskDefinition"]
  memory         = 512
  container "web" {
    image       = var.image
    dns_servers = var.dns_servers
    environment = {
      DB_PASSWORD  = var.db_password
      FIRST_SUBNET = cfn_select(0, var.subnets)
    }
  }
}

task_definition "worker" {
  memory = 512
  container "worker" { image = "example/worker:1.0" }
}
HCL

for target in cloudformation cloudformation-yaml; do
    name="cfn-params cfn-lint $target"
    ext=json
    [ "$target" = cloudformation-yaml ] && ext=yaml
    if ! out=$("$HCLC" build "$dir/main.hcl" -t "$target" -o "$dir/template.$ext" 2>&1); then
        echo "not ok $name"
        printf '%s\n' "$out" | sed 's/^/    /'
        continue
    fi
    if ! command -v cfn-lint >/dev/null 2>&1; then
        echo "ok $name # skip: cfn-lint is not installed"
        continue
    fi
    if out=$(cfn-lint -- "$dir/template.$ext" 2>&1) && [ -z "$out" ]; then
        echo "ok $name"
    else
        echo "not ok $name"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
done
