#!/usr/bin/env python3
"""Run what contrib/ asks a CI system to run, as that system would.

  run_steps.py action ACTION_YML WORKDIR KEY=VALUE...   composite action's
      `run:` steps in order (inputs substituted from defaults and KEY=VALUE,
      GITHUB_ENV honoured between steps; `uses:` steps are printed, not run)
  run_steps.py hooks HOOKS_YAML WORKDIR                 every pre-commit hook's
      entry + args; prints "ID exit N"
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml


def action(path, workdir, overrides):
    spec = yaml.safe_load(open(path))
    inputs = {k: str(v.get("default", "")) for k, v in spec.get("inputs", {}).items()}
    inputs.update(overrides)
    env = dict(os.environ, GITHUB_ACTION_PATH=os.path.dirname(os.path.abspath(path)))
    genv = tempfile.NamedTemporaryFile(delete=False).name
    env["GITHUB_ENV"] = genv

    def subst(s):
        s = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], s)
        return s

    for step in spec["runs"]["steps"]:
        cond = step.get("if")
        if cond:
            m = re.match(r"\$\{\{\s*inputs\.([\w-]+)\s*==\s*'(\w+)'\s*\}\}", cond)
            if not m or inputs[m.group(1)] != m.group(2):
                print(f"skip: {step['name']}")
                continue
        if "uses" in step:
            print(f"uses: {step['uses']} ({step['name']})")
            continue
        r = subprocess.run(["bash", "-e", "-c", subst(step["run"])], cwd=workdir, env=env,
                           capture_output=True, text=True)
        print(f"step: {step['name']}: exit {r.returncode}")
        sys.stdout.write(r.stdout)
        if r.returncode:
            sys.stdout.write(r.stderr[-500:])
            return r.returncode
        for line in open(genv):
            k, _, v = line.rstrip("\n").partition("=")
            env[k] = v
    return 0


def hooks(path, workdir):
    for h in yaml.safe_load(open(path)):
        cmd = h["entry"] + " " + " ".join(h.get("args", []))
        r = subprocess.run(["bash", "-c", cmd], cwd=workdir, capture_output=True, text=True)
        print(f"{h['id']} exit {r.returncode} {h['language']} {h['types']} pass_filenames={h['pass_filenames']}")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "action":
        sys.exit(action(sys.argv[2], sys.argv[3], dict(a.split("=", 1) for a in sys.argv[4:])))
    sys.exit(hooks(sys.argv[2], sys.argv[3]))
