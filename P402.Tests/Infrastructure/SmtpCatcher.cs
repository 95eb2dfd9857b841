using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace P402.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests, in-process on a loopback socket bound to port 0 (the port it got is <see cref="Port"/>):
/// EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT; each message is parsed with MimeKit and kept. Plain text only (no TLS),
/// which is what <c>Email:Smtp:Security=None</c> speaks.
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<CaughtMail> _mails = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;

    public SmtpCatcher()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Waits (event-driven) for the next mail.</summary>
    public async Task<CaughtMail> NextAsync(TimeSpan timeout)
    {
        if (!await _arrived.WaitAsync(timeout))
        {
            throw new TimeoutException($"No mail arrived within {timeout}.");
        }
        return _mails.TryDequeue(out var mail) ? mail : throw new InvalidOperationException("Signalled without a mail.");
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 p402-test-catcher ESMTP");
        string? user = null;
        string? password = null;
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-p402-test-catcher");
                    await writer.WriteLineAsync("250 AUTH PLAIN");
                    break;
                case "HELO" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "AUTH":
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(line.Split(' ')[2])).Split('\0');
                    (user, password) = (parts[1], parts[2]);
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>');
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                    {
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }
                    using (var raw = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                    {
                        var message = await MimeMessage.LoadAsync(raw);
                        _mails.Enqueue(new CaughtMail(from!, [.. to], user, password, message));
                    }
                    _arrived.Release();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
        _arrived.Dispose();
    }
}

/// <summary>One mail the catcher received, with the envelope and the credentials it was sent with.</summary>
public sealed record CaughtMail(string From, IReadOnlyList<string> To, string? UserName, string? Password, MimeMessage Message);
