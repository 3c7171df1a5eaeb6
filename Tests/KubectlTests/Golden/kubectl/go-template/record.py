#!/usr/bin/env python3
"""Records what the real kubectl v1.32 prints for each go-template case (run offline:
`create ... --dry-run=client` needs no cluster). Usage: python3 record.py > cases.json"""
import json, subprocess

DEPLOY = ["create", "deployment", "web", "--image=nginx:1.25", "--replicas=2", "--port=80", "--dry-run=client"]
SECRET = ["create", "secret", "generic", "s", "--from-literal=user=admin", "--from-literal=bad=!!", "--dry-run=client"]
CONFIGMAP = ["create", "configmap", "cm", "--from-literal=b=2", "--from-literal=a=<1 & 'x'>", "--from-literal=c=", "--dry-run=client"]
STRICT = DEPLOY + ["--allow-missing-template-keys=false"]
BASES = {"deployment": DEPLOY, "secret": SECRET, "configmap": CONFIGMAP, "strict": STRICT, "template-flag": DEPLOY}

def main():
    with open(__file__.rsplit("/", 1)[0] + "/templates.json") as f:
        groups = json.load(f)
    cases = []
    for base, templates in groups.items():
        for t in templates:
            if base == "template-flag":
                args = BASES[base] + t.split("\x00")
            else:
                args = BASES[base] + ["-o", "go-template=" + t]
            p = subprocess.run(["/usr/bin/kubectl"] + args, capture_output=True, text=True)
            cases.append({"args": args, "stdout": p.stdout, "stderr": p.stderr, "code": p.returncode})
    print(json.dumps(cases, indent=1, ensure_ascii=False))

main()
