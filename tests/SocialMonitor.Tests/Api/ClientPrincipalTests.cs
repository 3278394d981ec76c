using System.Text;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Tests.Api;

public sealed class ClientPrincipalTests
{
    [Fact]
    public void Parse_EntraPrincipal_ReadsRolesEmailAndObjectId()
    {
        var principal = ClientPrincipal.Parse(Encode("""
            {"auth_typ":"aad","name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","claims":[
              {"typ":"name","val":"Sam Lee"},
              {"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","val":"sam.lee@example.org"},
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"6d0f4f0e-8f3c-4d7a-9b1e-2a5c7e9d1f30"},
              {"typ":"roles","val":"Manager"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Manager"}]}
            """));

        Assert.Equal(["Manager"], principal!.Roles);
        Assert.Equal(("sam.lee@example.org", "6d0f4f0e-8f3c-4d7a-9b1e-2a5c7e9d1f30"), (principal.Email, principal.ObjectId));
        Assert.Equal("sam.lee@example.org", principal.Name);
    }

    [Fact]
    public void Parse_RolesUnderACustomRoleType_AreRoles()
    {
        var principal = ClientPrincipal.Parse(Encode("""{"role_typ":"app_role","claims":[{"typ":"app_role","val":"Coordinator"},{"typ":"oid","val":"abc"}]}"""));

        Assert.Equal(["Coordinator"], principal!.Roles);
        Assert.Equal(("abc", null), (principal.Name, principal.Email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("WzEsMl0=")]
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCJ9")]
    public void Parse_NotAPrincipal_IsNull(string? header) => Assert.Null(ClientPrincipal.Parse(header));

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
