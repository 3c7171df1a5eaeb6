#!/usr/bin/env python3
"""Records what the real kubectl v1.32 prints for `kubectl create <generator> ... --dry-run=client`
(offline), with files/ as the working directory. Usage: python3 record.py > cases.json"""
import json, os, subprocess

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "commands.json")) as f:
    commands = json.load(f)
cases = []
for line in commands:
    args = line.split(" ")
    p = subprocess.run(["/usr/bin/kubectl"] + args, capture_output=True, text=True, cwd=os.path.join(here, "files"))
    cases.append({"args": args, "stdout": p.stdout, "stderr": p.stderr, "code": p.returncode})
print(json.dumps(cases, indent=1, ensure_ascii=False))
