#!/usr/bin/env bash
# Creates the secret material the Vigil manifests read (tokens, CAs, keys, certificates) in
# deploy/kubernetes/secrets/, where the kustomize secretGenerators pick it up. Nothing here is
# committed (deploy/kubernetes/.gitignore).
#
# Only missing files are created: run it again after deleting a file to renew just that one
# (docs/deploy.md: rotation). CA keys go to secrets/ca/, which no manifest reads: move them
# off the machine once the certificates are made, and bring them back to issue new ones.
#
# Needs bash and openssl (1.1.1 or 3.x). Settings, from the environment:
#   VIGIL_NAMESPACE             namespace of the collector Service (default: vigil); it is part of
#                               the collector certificate's names, so it must match the overlay
#   VIGIL_COLLECTOR_EXTRA_SANS  more subjectAltName entries for the collector certificate,
#                               comma-separated, e.g. "DNS:vigil.example.com" for agents outside
#                               the cluster
#   VIGIL_CERT_DAYS             validity of leaf certificates in days (default: 397)
#   VIGIL_CA_DAYS               validity of the CAs in days (default: 3650)
#   VIGIL_SECRETS_DIR           output directory (default: secrets/ beside this script)
set -euo pipefail
umask 077

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${VIGIL_SECRETS_DIR:-$here/secrets}
namespace=${VIGIL_NAMESPACE:-vigil}
extra_sans=${VIGIL_COLLECTOR_EXTRA_SANS:-}
cert_days=${VIGIL_CERT_DAYS:-397}
ca_days=${VIGIL_CA_DAYS:-3650}

if ! [[ $namespace =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]]; then
  echo "make-secrets: VIGIL_NAMESPACE \"$namespace\" is not a Kubernetes namespace name" >&2
  exit 2
fi
command -v openssl >/dev/null 2>&1 || { echo "make-secrets: openssl is required" >&2; exit 2; }

mkdir -p "$out/ca" "$out/falco-http"
cd "$out"
created=()

note() { created+=("$1"); }

# 32 random bytes as hex: far above the 16 characters the collector requires.
token() { openssl rand -hex 32; }

ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# make_ca KEY CERT SUBJECT: an existing CA certificate is kept (its key may be offline).
make_ca() {
  local key=$1 crt=$2 subject=$3
  if [ -s "$crt" ]; then return; fi
  ec_key "$key"
  openssl req -x509 -new -key "$key" -out "$crt" -days "$ca_days" -subj "/CN=$subject" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  note "$crt"
}

# make_leaf KEY CERT CA_KEY CA_CERT SUBJECT EXTENSIONS
make_leaf() {
  local key=$1 crt=$2 ca_key=$3 ca_crt=$4 subject=$5 ext=$6
  if [ -s "$key" ] && [ -s "$crt" ]; then
    # A certificate from an earlier CA would fail every handshake after deployment: say so now.
    if ! openssl verify -CAfile "$ca_crt" "$crt" >/dev/null 2>&1; then
      echo "make-secrets: $out/$crt is not signed by $out/$ca_crt (was the CA re-created?); delete $crt and $key to issue a new one" >&2
      exit 1
    fi
    return
  fi
  if [ ! -s "$ca_key" ]; then
    echo "make-secrets: issuing $crt needs the CA key $out/$ca_key; put it back (it was moved offline?)" >&2
    exit 1
  fi
  local tmp
  tmp=$(mktemp -d)
  ec_key "$key"
  openssl req -new -key "$key" -out "$tmp/req.csr" -subj "/CN=$subject" 2>/dev/null
  printf '%s\n' "$ext" >"$tmp/ext.cnf"
  openssl x509 -req -in "$tmp/req.csr" -CA "$ca_crt" -CAkey "$ca_key" -set_serial "0x$(openssl rand -hex 16)" \
    -days "$cert_days" -extfile "$tmp/ext.cnf" -out "$crt" 2>/dev/null
  rm -rf "$tmp"
  openssl verify -CAfile "$ca_crt" "$crt" >/dev/null
  note "$crt"
}

# --- agent <-> collector link -----------------------------------------------------------------
# One CA signs the collector's server certificate and the agents' client certificate; the agents
# trust it for the collector (ca.crt), the collector trusts it for agents (agent-ca.crt).
make_ca ca/vigil-ca.key ca.crt "Vigil agent link CA"

collector_sans="DNS:vigil-collector,DNS:vigil-collector.$namespace,DNS:vigil-collector.$namespace.svc,DNS:vigil-collector.$namespace.svc.cluster.local"
if [ -n "$extra_sans" ]; then collector_sans="$collector_sans,$extra_sans"; fi
make_leaf collector.key collector.crt ca/vigil-ca.key ca.crt "vigil-collector" \
  "subjectAltName=$collector_sans
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth"

make_leaf agent.key agent.crt ca/vigil-ca.key ca.crt "vigil-agent" \
  "keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"

# --- tokens ------------------------------------------------------------------------------------
if [ ! -s agent-token ]; then
  token >agent-token
  note agent-token
fi
# The collector's list starts with the agents' token; rotation adds a line before removing one.
if [ ! -s agent-tokens ]; then
  {
    echo "# Agent tokens the collector accepts, one per line (rotation: docs/deploy.md)."
    cat agent-token
  } >agent-tokens
  note agent-tokens
fi
if [ ! -s operator-token ]; then
  token >operator-token
  note operator-token
fi
if [ ! -s prometheus-token ]; then
  token >prometheus-token
  note prometheus-token
fi
if [ ! -s api-tokens ]; then
  {
    echo "# ROLE TOKEN NAME: viewer reads and streams; operator also changes modes and approves."
    echo "# NAME is the actor in the audit log. One line per person or system."
    echo "operator $(cat operator-token) soc-operator"
    echo "viewer $(cat prometheus-token) prometheus"
  } >api-tokens
  note api-tokens
fi

# --- Falco http_output -> agent (HTTP overlay) ---------------------------------------------------
# A separate CA: a certificate that lets Falco post events must not open the collector, and an
# agent's certificate must not post events.
make_ca ca/falco-link-ca.key falco-http/falco-ca.crt "Vigil Falco link CA"
make_leaf falco-http/receiver.key falco-http/receiver.crt ca/falco-link-ca.key falco-http/falco-ca.crt "vigil-agent-falco-receiver" \
  "subjectAltName=DNS:vigil-agent-falco-receiver
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth"
make_leaf falco-http/falco-client.key falco-http/falco-client.crt ca/falco-link-ca.key falco-http/falco-ca.crt "falco" \
  "keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"

if [ ${#created[@]} -eq 0 ]; then
  echo "make-secrets: everything already exists in $out; nothing created"
else
  echo "make-secrets: created in $out:"
  printf '  %s\n' "${created[@]}"
fi
