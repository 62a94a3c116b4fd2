// DaprSync on Azure Container Apps: one managed environment with the Dapr components and the three
// apps, each with a Dapr sidecar. Deploy with
//   az deployment group create -g <group> -f deploy/azure-container-apps/main.bicep -p @<parameters file>
// Redis is external (for example Azure Cache for Redis); pass its host and password as parameters.

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Prefix of resource names.')
@minLength(3)
@maxLength(20)
param namePrefix string = 'daprsync'

@description('Container registry and tag of the app images, for example myregistry.azurecr.io and 0.1.0.')
param imageRegistry string
param imageTag string = '0.1.0'

@description('Redis host and port used by the pubsub and statestore components, for example cache.redis.cache.windows.net:6380.')
param redisHost string

@description('Set to true when Redis requires TLS, as Azure Cache for Redis does on port 6380.')
param redisEnableTls bool = true

@secure()
param redisPassword string

@secure()
param salesforceClientId string
@secure()
param salesforceClientSecret string
param salesforceLoginUrl string = 'https://login.salesforce.com'

param netSuiteAccountId string
@secure()
param netSuiteConsumerKey string
@secure()
param netSuiteConsumerSecret string
@secure()
param netSuiteTokenId string
@secure()
param netSuiteTokenSecret string

param smtpHost string
param smtpPort int = 587
@secure()
param smtpUsername string
@secure()
param smtpPassword string

var appIds = {
  salesforce: 'sf-sapi'
  netSuite: 'ns-sapi'
  orchestrator: 'orchestrator'
}
var allApps = [appIds.salesforce, appIds.netSuite, appIds.orchestrator]

// Component-level secrets keep the Redis password out of the component metadata.
var redisMetadata = [
  { name: 'redisHost', value: redisHost }
  { name: 'redisPassword', secretRef: 'redis-password' }
  { name: 'enableTLS', value: string(redisEnableTls) }
]
var redisSecrets = [
  { name: 'redis-password', value: redisPassword }
]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource pubsub 'Microsoft.App/managedEnvironments/daprComponents@2024-03-01' = {
  parent: environment
  name: 'pubsub'
  properties: {
    componentType: 'pubsub.redis'
    version: 'v1'
    secrets: redisSecrets
    metadata: concat(redisMetadata, [
      { name: 'redeliverInterval', value: '60s' }
      { name: 'processingTimeout', value: '120s' }
    ])
    scopes: allApps
  }
}

resource statestore 'Microsoft.App/managedEnvironments/daprComponents@2024-03-01' = {
  parent: environment
  name: 'statestore'
  properties: {
    componentType: 'state.redis'
    version: 'v1'
    secrets: redisSecrets
    metadata: concat(redisMetadata, [
      { name: 'actorStateStore', value: 'true' }
    ])
    scopes: allApps
  }
}

// Retries and circuit breakers between the sidecars and Redis, for both Redis-backed components.
var componentResiliency = {
  outboundPolicy: {
    timeoutPolicy: { responseTimeoutInSeconds: 15 }
    httpRetryPolicy: {
      maxRetries: 8
      retryBackOff: { initialDelayInMilliseconds: 500, maxIntervalInMilliseconds: 10000 }
    }
    circuitBreakerPolicy: { consecutiveErrors: 10, intervalInSeconds: 10, timeoutInSeconds: 30 }
  }
}

resource pubsubResiliency 'Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies@2023-11-02-preview' = {
  parent: pubsub
  name: 'pubsub-resiliency'
  properties: componentResiliency
}

resource statestoreResiliency 'Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies@2023-11-02-preview' = {
  parent: statestore
  name: 'statestore-resiliency'
  properties: componentResiliency
}

// Cron pollers, six fields with seconds first: refunds run 7 minutes after invoices, fulfilments 11.
var pollers = [
  { name: 'invoice-poller', schedule: '0 0,15,30,45 * * * *' }
  { name: 'refund-poller', schedule: '0 7,22,37,52 * * * *' }
  { name: 'fulfilment-poller', schedule: '0 11,26,41,56 * * * *' }
]

resource cronBindings 'Microsoft.App/managedEnvironments/daprComponents@2024-03-01' = [for poller in pollers: {
  parent: environment
  name: poller.name
  properties: {
    componentType: 'bindings.cron'
    version: 'v1'
    metadata: [
      { name: 'schedule', value: poller.schedule }
      { name: 'direction', value: 'input' }
    ]
    scopes: [appIds.orchestrator]
  }
}]

module salesforceApp 'container-app.bicep' = {
  name: 'app-sf-sapi'
  params: {
    location: location
    environmentId: environment.id
    appId: appIds.salesforce
    image: '${imageRegistry}/${appIds.salesforce}:${imageTag}'
    responseTimeoutSeconds: 30
    secrets: {
      'salesforce-client-id': salesforceClientId
      'salesforce-client-secret': salesforceClientSecret
    }
    env: [
      { name: 'Salesforce__ClientId', secretRef: 'salesforce-client-id' }
      { name: 'Salesforce__ClientSecret', secretRef: 'salesforce-client-secret' }
      { name: 'Salesforce__LoginUrl', value: salesforceLoginUrl }
      { name: 'Salesforce__PubSub__Enabled', value: 'true' }
      { name: 'Salesforce__PubSub__Endpoint', value: 'https://api.pubsub.salesforce.com:7443' }
    ]
  }
  dependsOn: [pubsub, statestore]
}

module netSuiteApp 'container-app.bicep' = {
  name: 'app-ns-sapi'
  params: {
    location: location
    environmentId: environment.id
    appId: appIds.netSuite
    image: '${imageRegistry}/${appIds.netSuite}:${imageTag}'
    // A NetSuite SOAP Sales Order add can take tens of seconds.
    responseTimeoutSeconds: 90
    secrets: {
      'netsuite-consumer-key': netSuiteConsumerKey
      'netsuite-consumer-secret': netSuiteConsumerSecret
      'netsuite-token-id': netSuiteTokenId
      'netsuite-token-secret': netSuiteTokenSecret
    }
    env: [
      { name: 'NetSuite__AccountId', value: netSuiteAccountId }
      { name: 'NetSuite__ConsumerKey', secretRef: 'netsuite-consumer-key' }
      { name: 'NetSuite__ConsumerSecret', secretRef: 'netsuite-consumer-secret' }
      { name: 'NetSuite__TokenId', secretRef: 'netsuite-token-id' }
      { name: 'NetSuite__TokenSecret', secretRef: 'netsuite-token-secret' }
    ]
  }
  dependsOn: [pubsub, statestore]
}

module orchestratorApp 'container-app.bicep' = {
  name: 'app-orchestrator'
  params: {
    location: location
    environmentId: environment.id
    appId: appIds.orchestrator
    image: '${imageRegistry}/${appIds.orchestrator}:${imageTag}'
    secrets: {
      'smtp-username': smtpUsername
      'smtp-password': smtpPassword
    }
    env: [
      { name: 'Smtp__Host', value: smtpHost }
      { name: 'Smtp__Port', value: string(smtpPort) }
      { name: 'Smtp__Username', secretRef: 'smtp-username' }
      { name: 'Smtp__Password', secretRef: 'smtp-password' }
    ]
  }
  dependsOn: [pubsub, statestore, cronBindings]
}

output environmentId string = environment.id
output appNames array = [salesforceApp.outputs.name, netSuiteApp.outputs.name, orchestratorApp.outputs.name]
