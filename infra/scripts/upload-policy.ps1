# azd postprovision hook (Windows): uploads policy/ to the config container, where Policy__Path points. Same steps as
# upload-policy.sh: Entra ID sign-in (no keys), a refusal retried for up to ten minutes while a new role assignment spreads.
$ErrorActionPreference = 'Stop'
$account = $env:AZURE_STORAGE_ACCOUNT_NAME
if (-not $account) { throw 'Run this through azd, or set AZURE_STORAGE_ACCOUNT_NAME to the storage account.' }
$container = if ($env:AZURE_CONFIG_CONTAINER) { $env:AZURE_CONFIG_CONTAINER } else { 'config' }
$deadline = (Get-Date).AddMinutes(10)
while ($true) {
    az storage blob upload-batch --auth-mode login --account-name $account --destination $container `
        --destination-path policy --source policy --overwrite --only-show-errors --output none
    if ($LASTEXITCODE -eq 0) { break }
    if ((Get-Date) -ge $deadline) {
        throw "Could not upload policy/ to $account/$container: you need Storage Blob Data Contributor on the account (azd grants it to AZURE_PRINCIPAL_ID)."
    }
    Write-Warning 'Storage refused the upload (a new role assignment may still be spreading); trying again in 30 s.'
    Start-Sleep -Seconds 30
}
Write-Host "Uploaded policy/ to $container/policy/ in $account."
