using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SocialMonitor.Local;

namespace SocialMonitor.IntegrationTests.Local;

/// <summary>The loopback host with two made-up platforms: dispatch by prefix and template, the token check, refusals in the platform's shape.</summary>
public sealed class LoopbackPlatformHostTests : IAsyncLifetime
{
    private readonly EchoPlatform _alpha = new("alpha");
    private readonly EchoPlatform _beta = new("beta") { PathPrefix = "/api/beta" };
    private readonly HttpClient _http = new();
    private LoopbackPlatformHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LoopbackPlatformHost Host => _host!;

    public async ValueTask InitializeAsync() => _host = await LoopbackPlatformHost.StartAsync([_alpha, _beta], Ct);

    [Fact]
    public async Task Get_TwoPlatforms_EachRequestReachesTheRouteOfItsPrefixWithTheValuesOfItsTemplate()
    {
        var alpha = await GetJsonAsync($"{_alpha.BaseUrl}/items/42", _alpha.Token);
        var beta = await GetJsonAsync($"{_beta.BaseUrl}/items/7?x=1", _beta.Token);
        var literal = await GetJsonAsync($"{_alpha.BaseUrl}/items/special", _alpha.Token);

        Assert.Equal(("alpha", "items/{id}", "42", "secret-alpha"), Echo(alpha));
        Assert.Equal(("beta", "items/{id}", "7", "secret-beta"), Echo(beta));
        Assert.Equal(("alpha", "items/special", null, "secret-alpha"), Echo(literal)); // A literal segment wins over {id}.
        Assert.Equal($"{Host.BaseUrl}/api/beta", _beta.BaseUrl);
        Assert.StartsWith("http://127.0.0.1:", Host.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(["/alpha/items/42", "/alpha/items/special"], _alpha.Requests);
        Assert.Equal(["/api/beta/items/7?x=1"], _beta.Requests);
        Assert.Equal(3, Host.Requests.Count);
    }

    [Fact]
    public async Task Get_PathUnderNoPrefix_404NamingTheMountedPrefixesAndCountedByTheHostOnly()
    {
        using var response = await _http.GetAsync(new Uri($"{Host.BaseUrl}/gamma/items/1"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetProperty("message").GetString();
        Assert.Equal("No platform is mounted at /gamma/items/1; mounted: /alpha, /api/beta.", message);
        Assert.Equal(["/gamma/items/1"], Host.Requests);
        Assert.Empty(_alpha.Requests);
        Assert.Empty(_beta.Requests);
    }

    [Fact]
    public async Task Get_UnknownRouteOrWrongMethodUnderAPrefix_ThePlatformsOwnRefusal()
    {
        using var unknown = await SendAsync(HttpMethod.Get, $"{_alpha.BaseUrl}/items/42/more", _alpha.Token);
        using var post = await SendAsync(HttpMethod.Post, $"{_alpha.BaseUrl}/items/42", _alpha.Token);
        using var prefixOnly = await SendAsync(HttpMethod.Get, _alpha.BaseUrl, _alpha.Token);

        Assert.Equal((HttpStatusCode.NotFound, "NoRoute"), await FailureAsync(unknown));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "WrongMethod"), await FailureAsync(post));
        Assert.Equal((HttpStatusCode.NotFound, "NoRoute"), await FailureAsync(prefixOnly));
        Assert.Equal(3, _alpha.Requests.Count);
    }

    [Fact]
    public async Task Get_MissingOrWrongToken_RefusedInThePlatformsShapeUnlessTheRouteNeedsNone()
    {
        using var none = await SendAsync(HttpMethod.Get, $"{_alpha.BaseUrl}/items/42", token: null);
        using var other = await SendAsync(HttpMethod.Get, $"{_alpha.BaseUrl}/items/42", _beta.Token);
        var open = await GetJsonAsync($"{_alpha.BaseUrl}/public/9", token: null);

        Assert.Equal((HttpStatusCode.Unauthorized, "NoToken"), await FailureAsync(none));
        Assert.Equal((HttpStatusCode.Forbidden, "WrongToken"), await FailureAsync(other)); // Another platform's token is not this one's.
        Assert.Equal(("alpha", "public/{id}", "9", null), Echo(open));
    }

    [Fact]
    public async Task Truncate_OnePlatform_CutsOnlyItsAnswersInHalf()
    {
        _alpha.Truncate = _ => true;

        using var response = await SendAsync(HttpMethod.Get, $"{_alpha.BaseUrl}/public/1", null);
        var cut = await response.Content.ReadAsStringAsync(Ct);
        var whole = await GetJsonAsync($"{_beta.BaseUrl}/public/1", null);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut));
        Assert.Equal("beta", whole.GetProperty("platform").GetString());
    }

    [Fact]
    public async Task StartAsync_OverlappingPrefixes_RefusedNamingBoth()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            LoopbackPlatformHost.StartAsync([new EchoPlatform("one") { PathPrefix = "/graph" }, new EchoPlatform("two") { PathPrefix = "/graph/two" }], Ct));

        Assert.Contains("one fake's prefix /graph overlaps the two fake's /graph/two", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PlatformAlreadyMounted_Refused()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackPlatformHost.StartAsync([_alpha], Ct));

        Assert.Contains("alpha fake is mounted already", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items//x")]
    [InlineData("{id")]
    [InlineData("items/{}")]
    public void Add_MalformedTemplate_RefusedNamingIt(string template)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PlatformRouteTable().Get(template, _ => new LoopbackAnswer(200, [])));

        Assert.Contains($"\"{template}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SameMethodAndTemplateTwice_Refused()
    {
        var routes = new PlatformRouteTable().Get("{page}/feed", _ => new LoopbackAnswer(200, []));

        var ex = Assert.Throws<ArgumentException>(() => routes.Get("/{page}/feed/", _ => new LoopbackAnswer(200, [])));

        Assert.Contains("GET {page}/feed is already in the table", ex.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static (string?, string?, string?, string?) Echo(JsonElement echo) =>
        (echo.GetProperty("platform").GetString(), echo.GetProperty("template").GetString(), echo.GetProperty("id").GetString(), echo.GetProperty("token").GetString());

    private static async Task<(HttpStatusCode, string?)> FailureAsync(HttpResponseMessage response) =>
        (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("failure").GetString());

    private async Task<JsonElement> GetJsonAsync(string url, string? token)
    {
        using var response = await SendAsync(HttpMethod.Get, url, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _http.SendAsync(request, Ct);
    }
}
