using System.Net;
using SocialMonitor.Core.Evaluation;

namespace SocialMonitor.Tests.Evaluation;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd00::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("::", "unspecified")]
    [InlineData("100.64.0.1", "shared")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("2002:c0a8:101::1", "private")]
    public void PublicOnly_PrivateLoopbackOrLinkLocal_IsRefusedSayingWhy(string address, string reason) =>
        Assert.Contains(reason, AddressPolicy.PublicOnly.Refusal(IPAddress.Parse(address)), StringComparison.Ordinal);

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void PublicOnly_PublicAddress_IsAllowed(string address) =>
        Assert.Null(AddressPolicy.PublicOnly.Refusal(IPAddress.Parse(address)));
}
