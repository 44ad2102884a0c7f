#!/usr/bin/env bash
# Checks the Kubernetes manifests without a cluster: every document is well-formed YAML and
# names its kind, and the Deployment carries what it needs (selector matching its template,
# probes on the management port, graceful shutdown, non-root, the Secret's credentials).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - deploy/k8s/*.yaml <<'PY'
import sys
import yaml

problems = []
kinds = {}
for path in sys.argv[1:]:
    with open(path) as file:
        for document in yaml.safe_load_all(file):
            if not document:
                continue
            for field in ("apiVersion", "kind", "metadata"):
                if field not in document:
                    problems.append(f"{path}: a document without {field}")
            if document.get("metadata", {}).get("name") == "tmall-gateway" or document.get("kind") == "Secret":
                kinds[document.get("kind")] = document
for kind in ("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Secret"):
    if kind not in kinds:
        problems.append(f"no {kind}")
deployment = kinds.get("Deployment", {})
spec = deployment.get("spec", {})
template = spec.get("template", {})
labels = template.get("metadata", {}).get("labels", {})
if not spec.get("selector", {}).get("matchLabels", {}).items() <= labels.items():
    problems.append("the Deployment's selector does not match its template's labels")
pod = template.get("spec", {})
if not pod.get("securityContext", {}).get("runAsNonRoot"):
    problems.append("the pod may run as root")
if pod.get("terminationGracePeriodSeconds", 0) <= 20:
    problems.append("terminationGracePeriodSeconds must exceed the gateway's 20 s graceful shutdown")
containers = pod.get("containers", [])
if not containers:
    problems.append("the Deployment has no container")
for container in containers:
    for field in ("name", "image"):
        if field not in container:
            problems.append(f"a container without {field}")
    ports = {port["name"]: port["containerPort"] for port in container.get("ports", [])}
    for probe, path in (("readinessProbe", "/actuator/health/readiness"), ("livenessProbe", "/actuator/health/liveness")):
        get = container.get(probe, {}).get("httpGet", {})
        if get.get("path") != path or ports.get(get.get("port"), get.get("port")) != 8081:
            problems.append(f"{probe} is not {path} on the management port 8081")
    env = {variable["name"] for variable in container.get("env", [])}
    for name in ("REDIS_URL", "TMALL_APP_SECRET", "ALIEXPRESS_APP_SECRET"):
        if name not in env:
            problems.append(f"the container has no {name}")
service_ports = [port.get("targetPort") for port in kinds.get("Service", {}).get("spec", {}).get("ports", [])]
if "management" in service_ports or 8081 in service_ports:
    problems.append("the Service exposes the management port")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"k8s manifests: {len(kinds)} kinds, well formed")
PY
