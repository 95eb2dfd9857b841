using System.ComponentModel.DataAnnotations;

namespace P402.Dashboard.Email;

/// <summary>Section <c>Email:Smtp</c>. <see cref="UserName"/> and <see cref="Password"/> are secrets: environment only.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Secret (<c>Email__Smtp__UserName</c>); none means no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Secret (<c>Email__Smtp__Password</c>). Never logged.</summary>
    public string? Password { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    public override string ToString() =>
        $"SmtpOptions {{ Host = {Host}, Port = {Port}, Security = {Security}, UserName = {(string.IsNullOrEmpty(UserName) ? "(none)" : "***")}, Password = {(string.IsNullOrEmpty(Password) ? "(none)" : "***")} }}";
}
