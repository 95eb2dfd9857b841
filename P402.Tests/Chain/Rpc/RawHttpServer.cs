using System.Net;
using System.Net.Sockets;
using System.Text;

namespace P402.Tests.Chain.Rpc;

/// <summary>
/// A loopback TCP server that answers every connection with one fixed raw HTTP response, or with
/// nothing at all (<c>null</c>): real sockets for the transport cases a healthy anvil never shows.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<TcpClient> _clients = [];

    public RawHttpServer(string? response)
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = ServeAsync(response is null ? null : Encoding.ASCII.GetBytes(response));
    }

    public Uri Url { get; }

    public static string Response(int status, string contentType, string body) =>
        $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private async Task ServeAsync(byte[]? response)
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _clients.Add(client);
                if (response is null)
                {
                    continue; // keep the connection open and silent
                }
                var stream = client.GetStream();
                var buffer = new byte[8192];
                _ = await stream.ReadAsync(buffer, _stop.Token);
                await stream.WriteAsync(response, _stop.Token);
                client.Close();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        _stop.Dispose();
    }
}
