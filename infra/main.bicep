// One province's ParServerless deployment: storage (no account keys), the function app (Flex Consumption, .NET isolated
// worker), monitoring, and the Event Grid wiring of the blob triggers. See docs/DEPLOY.md for the two-phase deployment.
targetScope = 'resourceGroup'

@description('Azure region of every resource. Check that Flex Consumption offers dotnet-isolated 10.0 there (docs/DEPLOY.md).')
param location string = resourceGroup().location

@description('Short lowercase name of the deployment, e.g. "par-hue"; resource names derive from it.')
@minLength(3)
@maxLength(16)
param baseName string

@description('NCRONTAB (six fields, UTC) of the GenerateDecision timer. The default is 09:00 on 15 January in Vietnam (UTC+7).')
param decisionSchedule string = '0 0 2 15 1 *'

@description('Admin key of the Department of Home Affairs (Sở Nội vụ) for /api/admin routes. Keep it in a key vault or pipeline secret.')
@secure()
param adminKey string

@description('Secret from which every unit\'s upload key is derived (HMAC-SHA256). Rotating it rotates every key.')
@secure()
param agencyKeySecret string

@description('Phase 2: the function app\'s "blobs_extension" system key, which exists only after the first code deployment. Empty in phase 1: no Event Grid subscriptions are created.')
@secure()
param blobsExtensionKey string = ''

@description('The public pages\' own address, e.g. "https://chisocchc.hue.gov.vn" (scheme and host only), named by link previews. Empty: the address each request came through.')
param publicOrigin string = ''

@description('Most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

// The names the code uses (src/Pipeline/Storage/StorageNames.cs); tests/Deploy.Tests checks that they agree.
var uploadContainers = [
  'submissions'
  'explanations'
  'appraisals'
  'surveys'
  'adjustments'
  'history'
]
var appContainers = [
  'originals'
  'reports'
  'schemes'
  'decisions'
]
var hostContainers = [
  'azure-webjobs-hosts'
  'eventgrid-deadletter'
  'deployments'
]
var tables = [
  'Schemes'
  'Years'
  'Units'
  'Uploads'
  'Marks'
  'Results'
]
var queues = [
  'webjobs-blobtrigger-poison'
  'par-publications'
  'par-publications-poison'
]
// Blob-triggered functions and the container each one watches ([BlobTrigger] in src/Functions/Triggers, functions.metadata).
var blobFunctions = [
  {
    name: 'IngestSubmission'
    container: 'submissions'
  }
  {
    name: 'IngestExplanation'
    container: 'explanations'
  }
  {
    name: 'IngestAppraisal'
    container: 'appraisals'
  }
  {
    name: 'IngestSurvey'
    container: 'surveys'
  }
  {
    name: 'IngestAdjustment'
    container: 'adjustments'
  }
  {
    name: 'IngestHistory'
    container: 'history'
  }
]

var suffix = uniqueString(resourceGroup().id, baseName)
var storageName = take('st${replace(baseName, '-', '')}${suffix}', 24)
var appName = '${baseName}-${suffix}'

// Built-in roles the function app's identity needs on the storage account (no account keys anywhere).
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in concat(uploadContainers, appContainers, hostContainers): {
  parent: blobService
  name: name
  properties: {
    publicAccess: 'None'
  }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tables: {
  parent: tableService
  name: name
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queues: {
  parent: queueService
  name: name
}]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

var commonSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storage.name
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    name: 'DECISION_SCHEDULE'
    value: decisionSchedule
  }
  {
    name: 'PAR_ADMIN_KEY'
    value: adminKey
  }
  {
    name: 'PAR_AGENCY_KEY_SECRET'
    value: agencyKeySecret
  }
  {
    // Every container, table and queue is created above, before the app (dependsOn): the worker makes no create calls, which
    // saves a new instance 16 round trips before its first storage-backed answer (StorageNames.Settings.StorageProvisioned).
    name: 'PAR_STORAGE_PROVISIONED'
    value: 'true'
  }
  {
    // Link previews (Open Graph) name this address, not the Host header of whichever request rendered the page (PublicOrigin).
    name: 'PAR_PUBLIC_ORIGIN'
    value: publicOrigin
  }
  {
    // The public pages sit at the root (routePrefix ""): the host's own landing page must not answer `/`.
    name: 'AzureWebJobsDisableHomepage'
    value: 'true'
  }
]

resource flexPlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource flexApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  // PAR_STORAGE_PROVISIONED: the app never creates storage, so everything it uses exists before it starts.
  dependsOn: [
    containers
    storageTables
    storageQueues
  ]
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: flexPlan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}deployments'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      // The .NET isolated worker (src/Functions), framework-dependent: the platform provides the .NET 10 runtime.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: commonSettings
    }
  }
}


resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]: {
  name: guid(storage.id, appName, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: flexApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

// Event Grid drives the blob triggers ("source": "EventGrid"): one system topic on the account, one subscription per function.
resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${appName}-blobs'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topicDeadLetterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, topic.id, roles.blobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource subscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = [for f in blobFunctions: if (!empty(blobsExtensionKey)) {
  parent: topic
  name: toLower(f.name)
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${flexApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${f.name}&code=${blobsExtensionKey}'
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${f.container}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: 'eventgrid-deadletter'
        }
      }
    }
  }
  dependsOn: [
    topicDeadLetterRole
  ]
}]

@description('The function app\'s base URL; the API is under /api (OpenAPI at /api/openapi/v1.json).')
output appUrl string = 'https://${flexApp.properties.defaultHostName}'

@description('Name of the function app (for az functionapp commands).')
output functionAppName string = appName

@description('Resource id of the function app.')
output functionAppId string = flexApp.id

@description('Name of the storage account.')
output storageAccountName string = storage.name
