metadata name = 'SocialMonitor'
metadata description = 'The SocialMonitor function app on Flex Consumption, with its storage, Key Vault, identity and monitoring. No keys anywhere: every connection uses the user-assigned identity.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Required. Name of the environment (azd sets it): seeds the unique suffix of every resource name and the azd-env-name tag.')
param environmentName string

@description('Optional. Azure region of every resource; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Required. Application (client) id of the Entra ID app registration that App Service Authentication accepts tokens for. It defines the app roles Coordinator and Manager (infra/app-roles.json; README, "Deploy").')
param authClientId string

@description('Required. The mailbox the monitor sends from (Mail__From). The identity may send as this mailbox only (Exchange Online RBAC for Applications; README, "Deploy").')
param mailSender string

@description('Optional. Object id of the person or group deploying: gets Key Vault Secrets Officer (to put the platform tokens in), Storage Blob Data Contributor (to upload policy/) and Storage Table Data Contributor (to import the accounts file). Empty: no such grant.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
@description('Optional. What principalId is.')
param principalType string = 'User'

@allowed([
  512
  2048
  4096
])
@description('Optional. Memory of each function app instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
@description('Optional. Most function app instances running at once (also bounds how hard the platforms are called).')
param maximumInstanceCount int = 40

@description('Optional. Six-field NCRONTAB (UTC) of the scan timer (ScanSchedule).')
param scanSchedule string = '0 */15 * * * *'

@description('Optional. Six-field NCRONTAB (UTC) of the digest timer (DigestSchedule); each person gets their digest at their own digestHour.')
param digestSchedule string = '0 0 * * * *'

@minValue(1)
@description('Optional. Days a new account is read back on its first scan (Scan__BackfillDays).')
param scanBackfillDays int = 14

@minValue(1)
@description('Optional. Days comments on a post are still read (Scan__CommentWindowDays).')
param scanCommentWindowDays int = 30

@minValue(1)
@description('Optional. Longest wait, in seconds, that a scan accepts from a platform asking it to slow down (Scan__MaxWaitSeconds).')
param scanMaxWaitSeconds int = 60

@minValue(0)
@maxValue(23)
@description('Optional. Hour of the library\'s day (the policy\'s time zone) from which the daily account review runs (Review__Hour).')
param reviewHour int = 6

@description('Optional. Minutes an email may stay in "sending" before the outbox sends it again, marked as a possible duplicate (Mail__SendingTimeoutMinutes).')
@minValue(1)
param mailSendingTimeoutMinutes int = 15

@description('Optional. Seconds an immediate email waits from its first finding for more findings for the same person, which join it; 0 sends each alone (Mail__BundleSeconds).')
@minValue(0)
@maxValue(600)
param mailBundleSeconds int = 60

@description('Optional. Resolve shortened links (bounded HEAD requests to public addresses only) before evaluation; when off they are flagged as hiding their target (Links__Resolve).')
param resolveShortLinks bool = false

@description('Optional. Also ask Azure AI Content Safety about each guest text (a ContentSafety account with a custom subdomain, the Cognitive Services User role for the identity, ContentSafety__Endpoint); guest text then leaves the app for the region of that account. Off: no account and no request.')
param contentSafety bool = false

@allowed([
  0
  2
  4
  6
])
@description('Optional. The lowest Azure AI Content Safety severity (0, 2, 4, 6) that becomes evidence on a finding (ContentSafety__MinSeverity).')
param contentSafetyMinSeverity int = 4

@allowed([
  'Facebook'
  'Instagram'
  'X'
  'YouTube'
  'LinkedIn'
])
@description('Optional. Platforms whose accounts are scanned (Platforms__<Platform>__Enabled).')
param enabledPlatforms array = [
  'Facebook'
  'Instagram'
  'X'
  'YouTube'
  'LinkedIn'
]

@description('Optional. Base URL of Microsoft Graph, which sends the mail (Graph__BaseUrl).')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@minValue(0)
@maxValue(146000)
@description('Optional. Days each blob version in the archive container stays immutable (WORM, unlocked policy). 0: no immutability policy. Takes effect only when the container is first created. Retention (policy.json retention) cannot remove an archived record before this period ends: set it no longer than the shortest of rawAnswers and items.')
param archiveImmutabilityDays int = 0

@minValue(0)
@maxValue(23)
@description('Optional. The local hour (policy time zone) at which the retention run removes records past their period in policy.json retention (Retention__Hour); with no period set it removes nothing.')
param retentionHour int = 3

@minValue(1)
@maxValue(365)
@description('Optional. Days deleted blobs and containers are kept before they are gone (soft delete).')
param softDeleteDays int = 30

@minValue(1)
@description('Optional. Days earlier versions of a blob are kept (the archive keeps them at least as long as its immutability policy).')
param blobVersionRetentionDays int = 365

@minValue(30)
@maxValue(730)
@description('Optional. Days Log Analytics keeps the logs.')
param logRetentionDays int = 90

// ---------------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-socialmonitor-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var contentSafetyName = 'cs-socialmonitor-${resourceToken}'

// Containers: the deployment package (Flex reads the app from it), the archive of platform responses, and `config`, where
// policy/ is uploaded (Policy__Path is the blob URI of config/policy/policy.json). The app's own containers follow.
var deploymentContainerName = 'app-package'
var archiveContainerName = 'archive'
var configContainerName = 'config'
var appContainerNames = [
  'claim-checks'
  'dead-letters'
  'mail-archive'
  'finding-items'
]
// core/Storage/TableNames and core/Queues/QueueNames (with their poison queues); the app would create them on first use.
var tableNames = [
  'Registry'
  'Findings'
  'FindingsByTime'
  'Cursors'
  'ItemIndex'
  'FailedAttempts'
  'Approvals'
  'Audit'
  'AuditBySubject'
  'Outbox'
  'DigestItems'
  'EscalationWatch'
  'FindingsByItem'
  'FindingTrends'
  'TokenChecks'
  'Budgets'
  'LegalHolds'
  'ItemHistory'
]
var queueNames = [
  'scan-account'
  'scan-account-poison'
  'evaluate-item'
  'evaluate-item-poison'
  'notify'
  'notify-poison'
  'send-email'
  'send-email-poison'
]

// ---------------------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------------------

// The app's one identity: storage (host, triggers, tables, queues, blobs), Key Vault, Application Insights and Graph mail.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-socialmonitor-${resourceToken}'
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------------------------
// Monitoring: every log in one Log Analytics workspace
// ---------------------------------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-socialmonitor-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-socialmonitor-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Storage: no shared keys, versioned, soft delete
// ---------------------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource archiveContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: archiveContainerName
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: {
      enabled: archiveImmutabilityDays > 0
    }
  }
}

// Unlocked, so it can still be shortened or removed; lock it in the portal once the retention is agreed (locking is final).
resource archiveImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (archiveImmutabilityDays > 0) {
  parent: archiveContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveImmutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource configContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: configContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in appContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

// Earlier blob versions (each policy upload, each rewritten claim check) are deleted after blobVersionRetentionDays.
resource blobLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: blobVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for name in queueNames: {
    parent: queueService
    name: name
  }
]

// ---------------------------------------------------------------------------------------------------------------------
// Key Vault: the platform tokens, one secret per accounts-file `token` name
// ---------------------------------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Azure AI Content Safety (only when contentSafety is true): Entra authentication only, which needs the custom subdomain
// ---------------------------------------------------------------------------------------------------------------------

resource contentSafetyAccount 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (contentSafety) {
  name: contentSafetyName
  location: location
  tags: tags
  kind: 'ContentSafety'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: contentSafetyName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Role assignments of the app's identity: exactly these five, and a sixth with Content Safety
// ---------------------------------------------------------------------------------------------------------------------

// Storage Blob Data Owner: the host's leases and keys, the deployment package, archive, config and the app's containers.
resource identityBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor: the queue triggers and the app's queue sender.
resource identityQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor: registry, findings, cursors, approvals, audit.
resource identityTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User: reads the platform tokens (the app never writes a secret; people put new tokens in).
resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher: telemetry to Application Insights with the identity (local auth is off).
resource identityMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Cognitive Services User: the classifier's text:analyze calls (only with contentSafety).
resource identityCognitiveServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (contentSafety) {
  name: guid(resourceGroup().id, contentSafetyName, identity.id, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: contentSafetyAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Role assignments of the person deploying (principalId), for the setup steps in README, "Deploy"
// ---------------------------------------------------------------------------------------------------------------------

// Key Vault Secrets Officer: put the platform tokens in the vault.
resource deployerSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(keyVault.id, principalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    principalId: principalId
    principalType: principalType
  }
}

// Storage Blob Data Contributor: upload policy/ to the config container.
resource deployerBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(storage.id, principalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: principalId
    principalType: principalType
  }
}

// Storage Table Data Contributor: import the accounts file with `socialmonitor accounts import`.
resource deployerTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(storage.id, principalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: principalId
    principalType: principalType
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The function app: Flex Consumption, .NET 10 isolated worker
// ---------------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-socialmonitor-${resourceToken}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, {
    'azd-service-name': 'functions'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
  dependsOn: [
    deploymentContainer
    identityBlobDataOwner
    identityQueueDataContributor
    identityTableDataContributor
  ]
}

// Publishing with a user name and password (FTP, and basic auth on the deployment endpoint) is off: deploy with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// Every app setting the code reads, as the "in Azure" column of the settings table in README and DESIGN.md says (checked
// in tests/SocialMonitor.IntegrationTests/Infra). Not here: FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION
// (Flex takes the runtime from functionAppConfig and rejects them) and any key or connection string.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    AZURE_CLIENT_ID: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
    ScanSchedule: scanSchedule
    DigestSchedule: digestSchedule
    Policy__Path: '${storage.properties.primaryEndpoints.blob}${configContainerName}/policy/policy.json'
    Platforms__Facebook__Enabled: string(contains(enabledPlatforms, 'Facebook'))
    Platforms__Instagram__Enabled: string(contains(enabledPlatforms, 'Instagram'))
    Platforms__X__Enabled: string(contains(enabledPlatforms, 'X'))
    Platforms__YouTube__Enabled: string(contains(enabledPlatforms, 'YouTube'))
    Platforms__LinkedIn__Enabled: string(contains(enabledPlatforms, 'LinkedIn'))
    Scan__BackfillDays: string(scanBackfillDays)
    Scan__CommentWindowDays: string(scanCommentWindowDays)
    Scan__MaxWaitSeconds: string(scanMaxWaitSeconds)
    Review__Hour: string(reviewHour)
    Tokens__Source: 'KeyVault'
    KeyVault__Uri: keyVault.properties.vaultUri
    Mail__Mode: 'Graph'
    Mail__From: mailSender
    Mail__SendingTimeoutMinutes: string(mailSendingTimeoutMinutes)
    Mail__BundleSeconds: string(mailBundleSeconds)
    Links__Resolve: string(resolveShortLinks)
    Links__MaxRedirects: '5'
    Links__ResolveTimeoutSeconds: '5'
    // Empty turns the classifier off (no request at all); the custom subdomain is the endpoint Entra authentication needs.
    ContentSafety__Endpoint: contentSafety ? 'https://${contentSafetyName}.cognitiveservices.azure.com/' : ''
    ContentSafety__MinSeverity: string(contentSafetyMinSeverity)
    Graph__BaseUrl: graphBaseUrl
    Api__AuthMode: 'AppServiceAuthentication'
    Api__PublicUrl: 'https://${functionApp.properties.defaultHostName}'
    Retention__Hour: string(retentionHour)
  }
  dependsOn: [
    identitySecretsUser
    identityMetricsPublisher
    identityCognitiveServicesUser
  ]
}

// App Service Authentication (Entra ID) in front of the page and the API. A browser without a session is sent to the
// Entra ID sign-in (RedirectToLoginPage) and comes back where it was going; /api/* is excluded from that redirect
// (excludedPaths), so an API call without a session or token reaches the app, which answers 401 itself, while a call with
// one still carries the caller in X-MS-CLIENT-PRINCIPAL. The app reads the caller's roles (Coordinator, Manager) from it.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/*'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Logs in one place: the function app, Key Vault's audit trail and blob writes go to the workspace too
// ---------------------------------------------------------------------------------------------------------------------

resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: functionApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Outputs (azd stores them in the environment; no secret among them)
// ---------------------------------------------------------------------------------------------------------------------

@description('The function app\'s name.')
output AZURE_FUNCTION_APP_NAME string = functionApp.name

@description('The function app\'s URL; the API is under /api.')
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.properties.defaultHostName}'

@description('Principal (object) id of the app\'s identity: grant it Graph mail through Exchange Online RBAC for Applications.')
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId

@description('Client (application) id of the app\'s identity.')
output AZURE_IDENTITY_CLIENT_ID string = identity.properties.clientId

@description('The Key Vault that holds the platform tokens, one secret per accounts-file token name.')
output AZURE_KEY_VAULT_NAME string = keyVault.name

@description('The Key Vault\'s URI (KeyVault__Uri).')
output AZURE_KEY_VAULT_URI string = keyVault.properties.vaultUri

@description('The storage account (tables, queues, blobs); sign in with Entra ID, it takes no keys.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name

@description('The container that holds policy/.')
output AZURE_CONFIG_CONTAINER string = configContainerName

@description('Where the app reads the policy (Policy__Path).')
output POLICY_URI string = '${storage.properties.primaryEndpoints.blob}${configContainerName}/policy/policy.json'

@description('The app roles that the API\'s app registration must define (infra/app-roles.json): Coordinator sees every location, Manager their own.')
output API_APP_ROLES array = loadJsonContent('app-roles.json')

@description('The audience of API tokens.')
output API_AUDIENCE string = 'api://${authClientId}'
