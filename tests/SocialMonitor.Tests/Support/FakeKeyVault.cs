using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;

namespace SocialMonitor.Tests.Support;

/// <summary>
/// Key Vault's secrets REST API in memory, in its wire format: GET <c>/secrets/{name}[/{version}]</c> (the app only reads), errors as
/// <c>{"error":{"code","message"}}</c>, and the challenge-based sign-in (401 with <c>WWW-Authenticate</c>, then the bearer
/// token). A <see cref="SecretClient"/> built on it never leaves the process.
/// </summary>
internal sealed class FakeKeyVault : HttpMessageHandler
{
    public static readonly Uri VaultUri = new("https://cln-test.vault.azure.net/");

    private readonly ConcurrentDictionary<string, List<(string Version, string Value)>> _secrets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, every authenticated request is refused as Key Vault refuses an identity without the role.</summary>
    public bool Forbidden { get; set; }

    /// <summary>The bearer tokens the authenticated requests carried.</summary>
    public ConcurrentQueue<string> BearerTokens { get; } = new();

    public SecretClientOptions Options() => new()
    {
        Transport = new HttpClientTransport(new HttpClient(this)),
        Retry = { MaxRetries = 0 },
    };

    public SecretClient Client(FakeCredential credential) => new(VaultUri, credential, Options());

    /// <summary>Puts a secret in the vault, or a new version of it (a person rotating the token).</summary>
    public void Seed(string name, string value) => Add(name, value);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request));

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: { } token })
        {
            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate",
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", resource=\"https://vault.azure.net\"");
            return challenge;
        }
        BearerTokens.Enqueue(token);
        if (Forbidden)
        {
            return Error(HttpStatusCode.Forbidden, "Forbidden",
                "Caller is not authorized to perform action on resource. If role assignments were recently changed, please wait several minutes for role assignments to become effective.");
        }
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        if (segments is not ["secrets", var name, ..])
        {
            return Error(HttpStatusCode.BadRequest, "BadParameter", $"No such operation: {request.Method} {request.RequestUri.AbsolutePath}");
        }
        return _secrets.TryGetValue(name, out var versions) && versions.Count > 0
            ? Secret(name, versions[^1])
            : Error(HttpStatusCode.NotFound, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
    }

    private (string Version, string Value) Add(string name, string value)
    {
        var versions = _secrets.GetOrAdd(name, _ => []);
        lock (versions)
        {
            var version = (Version: Guid.NewGuid().ToString("N"), Value: value);
            versions.Add(version);
            return version;
        }
    }

    private static HttpResponseMessage Secret(string name, (string Version, string Value) secret) =>
        Json(HttpStatusCode.OK, new JsonObject
        {
            ["value"] = secret.Value,
            ["contentType"] = null,
            ["id"] = $"{VaultUri}secrets/{name}/{secret.Version}",
            ["attributes"] = new JsonObject
            {
                ["enabled"] = true,
                ["created"] = 1760000000,
                ["updated"] = 1760000000,
                ["recoveryLevel"] = "Recoverable",
                ["recoverableDays"] = 90,
            },
            ["tags"] = new JsonObject(),
        });

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
