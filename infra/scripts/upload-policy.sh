#!/bin/sh
# azd postprovision hook: uploads policy/ (policy.json and the lists beside it) to the config container, where
# Policy__Path points. It signs in with Entra ID (the storage account takes no keys). Right after the first provision
# the deployer's Storage Blob Data Contributor role can take minutes to reach storage, so a refusal is retried for up to
# ten minutes. Uploading again overwrites the same blobs (earlier versions are kept by blob versioning).
set -eu
account="${AZURE_STORAGE_ACCOUNT_NAME:?Run this through azd, or set AZURE_STORAGE_ACCOUNT_NAME to the storage account.}"
container="${AZURE_CONFIG_CONTAINER:-config}"
deadline=$(( $(date +%s) + 600 ))
until az storage blob upload-batch --auth-mode login --account-name "$account" --destination "$container" \
    --destination-path policy --source policy --overwrite --only-show-errors --output none; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "Could not upload policy/ to $account/$container: you need Storage Blob Data Contributor on the account (azd grants it to AZURE_PRINCIPAL_ID)." >&2
    exit 1
  fi
  echo "Storage refused the upload (a new role assignment may still be spreading); trying again in 30 s." >&2
  sleep 30
done
echo "Uploaded policy/ to $container/policy/ in $account." >&2
