namespace SocialMonitor.IntegrationTests.Support;

/// <summary>A small accounts file of the tests' own: two locations, one without a manager.</summary>
internal static class SampleAccounts
{
    public const string PageId = "104000000000099";
    public const string TokenName = "cln-hayden-fb-token";

    public const string Json = """
        {"coordinator": {"name": "Jordan Avery", "email": "coordinator@example.org", "objectId": null},
         "locations": [
           {"id": "hayden", "name": "Hayden", "managers": [{"name": "Sam Lee", "email": "sam.lee@example.org", "objectId": null}]},
           {"id": "bookmobile", "name": "Bookmobile", "managers": []}],
         "accounts": [
           {"id": "cln-hayden-fb", "platform": "facebook", "platformId": "104000000000099", "handle": "CLNHayden",
            "location": "hayden", "token": "cln-hayden-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "cln-bookmobile-fb", "platform": "facebook", "platformId": "104000000000098", "handle": "CLNBookmobile",
            "location": "bookmobile", "token": "cln-bookmobile-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"}]}
        """;

    /// <summary><see cref="Json"/> after Hayden closed: its location and account are gone from the file.</summary>
    public const string WithoutHayden = """
        {"coordinator": {"name": "Jordan Avery", "email": "coordinator@example.org", "objectId": null},
         "locations": [{"id": "bookmobile", "name": "Bookmobile", "managers": []}],
         "accounts": [
           {"id": "cln-bookmobile-fb", "platform": "facebook", "platformId": "104000000000098", "handle": "CLNBookmobile",
            "location": "bookmobile", "token": "cln-bookmobile-fb-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"}]}
        """;
}
