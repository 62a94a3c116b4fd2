// One DaprSync app as a container app with a Dapr sidecar. The apps call each other only through
// Dapr, so ingress stays internal to the environment.

param location string
param environmentId string

@description('Dapr app id, also the container app name.')
param appId string
param image string

@description('Container app secrets as a map from secret name to value. A secure object, so values stay out of deployment logs.')
@secure()
param secrets object = {}

@description('Environment variables, as { name, value } or { name, secretRef } entries.')
param env array = []

@description('Seconds that a call to this app through Dapr service invocation may take before it times out.')
param responseTimeoutSeconds int = 15

var port = 8080
var baseEnv = [
  { name: 'ASPNETCORE_HTTP_PORTS', value: string(port) }
  { name: 'Runtime__Mode', value: 'Dapr' }
  // Credentials arrive as secretRef variables, so the apps skip the Dapr secret store.
  { name: 'Runtime__SecretStore__Enabled', value: 'false' }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appId
  location: location
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      // The values come from the @secure() object above; the linter cannot follow a lookup by key.
      #disable-next-line use-secure-value-for-secure-inputs
      secrets: [for name in objectKeys(secrets): { name: name, value: secrets[name] }]
      ingress: {
        external: false
        targetPort: port
        transport: 'http'
      }
      dapr: {
        enabled: true
        appId: appId
        appPort: port
        appProtocol: 'http'
        enableApiLogging: false
      }
    }
    template: {
      containers: [
        {
          name: appId
          image: image
          env: concat(baseEnv, env)
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: port }
              initialDelaySeconds: 10
              periodSeconds: 20
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: port }
              initialDelaySeconds: 5
              periodSeconds: 10
            }
          ]
        }
      ]
      scale: {
        // One replica: the orchestrator's cron pollers and the Pub/Sub API subscriber must not run twice.
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

// Timeouts, retries with exponential back-off and a circuit breaker for calls to this app, as
// components/resiliency.yaml sets them for `dapr run`. Retried writes are upserts by external id.
resource resiliency 'Microsoft.App/containerApps/resiliencyPolicies@2023-11-02-preview' = {
  parent: app
  name: '${appId}-resiliency'
  properties: {
    timeoutPolicy: {
      responseTimeoutInSeconds: responseTimeoutSeconds
      connectionTimeoutInSeconds: 5
    }
    httpRetryPolicy: {
      maxRetries: 5
      retryBackOff: {
        initialDelayInMilliseconds: 500
        maxIntervalInMilliseconds: 15000
      }
      matches: {
        httpStatusCodes: [408, 429, 502, 503, 504]
        errors: ['connect-failure', 'reset']
      }
    }
    circuitBreakerPolicy: {
      consecutiveErrors: 5
      intervalInSeconds: 30
      maxEjectionPercent: 100
    }
  }
}

output name string = app.name
