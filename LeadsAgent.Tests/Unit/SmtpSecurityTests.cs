using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using MailKit.Security;

namespace LeadsAgent.Tests.Unit;

public class SmtpSecurityTests
{
    [Theory]
    [InlineData(465, false, SecureSocketOptions.SslOnConnect)]
    [InlineData(465, true, SecureSocketOptions.SslOnConnect)]
    [InlineData(587, true, SecureSocketOptions.StartTls)]
    [InlineData(25, true, SecureSocketOptions.StartTls)]
    [InlineData(587, false, SecureSocketOptions.None)]
    [InlineData(52525, false, SecureSocketOptions.None)]
    public void SecurityFor_PortAndEnableSsl_PicksTheTlsMode(int port, bool enableSsl, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailSender.SecurityFor(new SmtpOptions { Host = "mail.example.com", Port = port, EnableSsl = enableSsl }));
}
