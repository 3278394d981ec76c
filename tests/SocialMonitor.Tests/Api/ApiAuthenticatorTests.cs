using System.Text;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NSubstitute;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Storage;
using SocialMonitor.Core.Web;

namespace SocialMonitor.Tests.Api;

/// <summary>The paths that read no registry: API keys, and a coordinator's or role-less principal.</summary>
public sealed class ApiAuthenticatorTests
{
    private const string CoordinatorKey = "coordinator-key-0123456789";
    private const string ManagerKey = "hayden-manager-key-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuthenticateAsync_CoordinatorKey_SeesEveryLocation()
    {
        var caller = await CreateSut().AuthenticateAsync(Request(CoordinatorKey), Ct);

        Assert.Equal(Roles.Coordinator, caller!.Role);
        Assert.True(caller.MaySee("athol"));
    }

    [Fact]
    public async Task AuthenticateAsync_ManagerKey_SeesOnlyItsLocations()
    {
        var caller = await CreateSut().AuthenticateAsync(Request(ManagerKey), Ct);

        Assert.Equal(Roles.Manager, caller!.Role);
        Assert.True(caller.MaySee("hayden"));
        Assert.False(caller.MaySee("athol"));
    }

    [Fact]
    public async Task AuthenticateAsync_Key_NamesItsOwnerNotItsNumber()
    {
        var caller = await CreateSut().AuthenticateAsync(Request(ManagerKey), Ct);

        Assert.Equal("sam.lee@example.org", caller!.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("coordinator-key-012345678")]
    [InlineData("coordinator-key-01234567890")]
    public async Task AuthenticateAsync_MissingOrWrongKey_IsNobody(string? key) =>
        Assert.Null(await CreateSut().AuthenticateAsync(Request(key), Ct));

    [Fact]
    public async Task AuthenticateAsync_ForgedClientPrincipalInApiKeysMode_IsIgnored()
    {
        var request = Request(null);
        request.Headers[ClientPrincipal.Header] = Principal("""{"auth_typ":"aad","claims":[{"typ":"roles","val":"Coordinator"}]}""");

        Assert.Null(await CreateSut().AuthenticateAsync(request, Ct));
    }

    [Fact]
    public async Task AuthenticateAsync_CoordinatorPrincipalInAppServiceMode_IsCoordinatorByEmail()
    {
        var request = Request(null);
        request.Headers[ClientPrincipal.Header] = Principal(
            """{"auth_typ":"aad","claims":[{"typ":"roles","val":"Coordinator"},{"typ":"preferred_username","val":"jordan.avery@example.org"}]}""");

        var caller = await CreateSut(ApiAuthenticator.AppServiceAuthentication).AuthenticateAsync(request, Ct);

        Assert.Equal((Roles.Coordinator, "jordan.avery@example.org"), (caller!.Role, caller.Name));
        Assert.True(caller.MaySee("athol"));
    }

    [Fact]
    public async Task AuthenticateAsync_ApiKeyInAppServiceMode_IsNobody() =>
        Assert.Null(await CreateSut(ApiAuthenticator.AppServiceAuthentication).AuthenticateAsync(Request(CoordinatorKey), Ct));

    [Fact]
    public async Task AuthenticateAsync_PrincipalWithoutRole_Is403()
    {
        var request = Request(null);
        request.Headers[ClientPrincipal.Header] = Principal("""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"visitor@example.org"}]}""");

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => CreateSut(ApiAuthenticator.AppServiceAuthentication).AuthenticateAsync(request, Ct));

        Assert.Equal((403, ProblemTypes.Forbidden), (problem.Status, problem.Type));
        Assert.Contains("visitor@example.org", problem.Message, StringComparison.Ordinal);
    }

    private static string Principal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static HttpRequest Request(string? key)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers[ApiAuthenticator.KeyHeader] = key;
        }
        return context.Request;
    }

    /// <summary>The registry is never read on these paths: its storage points nowhere.</summary>
    private static ApiAuthenticator CreateSut(string mode = "ApiKeys", PageSessions? sessions = null)
    {
        var options = Options();
        return new(options.Value.AuthMode == mode ? options : Microsoft.Extensions.Options.Options.Create(new ApiOptions { AuthMode = mode, Keys = options.Value.Keys }),
            new AccountRegistry(new StorageClients(
                Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = "DefaultEndpointsProtocol=http;AccountName=none;AccountKey=bm9uZQ==;TableEndpoint=http://127.0.0.1:9/none;QueueEndpoint=http://127.0.0.1:9/none;BlobEndpoint=http://127.0.0.1:9/none;" }),
                Substitute.For<TokenCredential>())),
            sessions ?? new PageSessions(options, TimeProvider.System));
    }

    private static IOptions<ApiOptions> Options() => Microsoft.Extensions.Options.Options.Create(new ApiOptions
    {
        Keys =
        [
            new ApiKeyOptions { Key = CoordinatorKey, Role = Roles.Coordinator, Owner = "coordinator@example.org" },
            new ApiKeyOptions { Key = ManagerKey, Role = Roles.Manager, Locations = "hayden, rathdrum", Owner = "sam.lee@example.org" },
        ],
    });

    [Fact]
    public async Task AuthenticateAsync_SessionCookieOfAManagersLink_IsThatKeysCallerWithAnAntiForgeryToken()
    {
        var sessions = new PageSessions(Options(), TimeProvider.System);
        var link = sessions.CreateLinks("http://localhost:7071")[1];
        var session = sessions.Redeem(Uri.UnescapeDataString(link.Url.Split("token=")[1].Split('&')[0]))!;
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{PageSessions.CookieName}={session.Id}";

        var caller = await CreateSut(sessions: sessions).AuthenticateAsync(context.Request, Ct);

        Assert.Equal(("sam.lee@example.org", Roles.Manager), (caller!.Name, caller.Role));
        Assert.Equal(["hayden", "rathdrum"], caller.Locations);
        Assert.NotNull(caller.AntiForgery);
        Assert.Null((await CreateSut(sessions: sessions).AuthenticateAsync(Request(ManagerKey), Ct))!.AntiForgery);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownSessionCookie_IsAnonymous()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{PageSessions.CookieName}=not-a-session";

        Assert.Null(await CreateSut().AuthenticateAsync(context.Request, Ct));
    }
}
