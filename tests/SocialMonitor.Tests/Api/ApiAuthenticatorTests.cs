using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Api;

public sealed class ApiAuthenticatorTests
{
    private const string CoordinatorKey = "coordinator-key-0123456789";
    private const string ManagerKey = "hayden-manager-key-0123456789";

    [Fact]
    public void Authenticate_CoordinatorKey_SeesEveryLocation()
    {
        var caller = CreateSut().Authenticate(Request(CoordinatorKey));

        Assert.Equal(Roles.Coordinator, caller!.Role);
        Assert.True(caller.MaySee("athol"));
    }

    [Fact]
    public void Authenticate_ManagerKey_SeesOnlyItsLocations()
    {
        var caller = CreateSut().Authenticate(Request(ManagerKey));

        Assert.Equal(Roles.Manager, caller!.Role);
        Assert.True(caller.MaySee("hayden"));
        Assert.False(caller.MaySee("athol"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("coordinator-key-012345678")]
    [InlineData("coordinator-key-01234567890")]
    public void Authenticate_MissingOrWrongKey_IsNobody(string? key) => Assert.Null(CreateSut().Authenticate(Request(key)));

    [Fact]
    public void Authenticate_ForgedClientPrincipalInApiKeysMode_IsIgnored()
    {
        var request = Request(null);
        var principal = """{"auth_typ":"aad","claims":[{"typ":"roles","val":"Coordinator"}]}""";
        request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principal));

        Assert.Null(CreateSut().Authenticate(request));
    }

    private static HttpRequest Request(string? key)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers[ApiAuthenticator.KeyHeader] = key;
        }
        return context.Request;
    }

    private static ApiAuthenticator CreateSut() => new(Options.Create(new ApiOptions
    {
        Keys =
        [
            new ApiKeyOptions { Key = CoordinatorKey, Role = Roles.Coordinator },
            new ApiKeyOptions { Key = ManagerKey, Role = Roles.Manager, Locations = "hayden, rathdrum" },
        ],
    }));
}
