using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using P402.Core.Common;

namespace P402.Core.Data;

/// <summary>
/// Carries <see cref="MerchantEvents"/> between the instances that share one PostgreSQL database, through
/// <c>LISTEN/NOTIFY</c>: what this instance publishes is sent (distinct events, batched into few notifications), and what
/// the others send is delivered here, to the caches (API keys, merchant settings) and the dashboard circuits. After a lost
/// connection the caches forget everything, since notifications may have been missed. On SQLite (one instance)
/// <see cref="MerchantEvents"/> alone is the notifier and this service does nothing.
/// </summary>
internal sealed class MerchantEventRelay(MerchantEvents events, IOptions<DatabaseOptions> options, TimeProvider time, ILogger<MerchantEventRelay> logger)
    : BackgroundService
{
    public const string Channel = "p402_events";
    private const int EventsPerNotification = 40; // about 5 kB: PostgreSQL takes payloads up to 8,000 bytes
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<MerchantEvent> _outbox = System.Threading.Channels.Channel.CreateUnbounded<MerchantEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens (the first time); events sent by others from then on arrive.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Whether the listening connection is up now (for <c>/healthz</c>).</summary>
    public bool IsListening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            _listening.TrySetResult();
            return;
        }
        events.ForwardTo(change => _outbox.Writer.TryWrite(change));
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            events.ForwardTo(null);
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Logged; the listener reconnects whatever broke its connection.")]
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseContextOptions.PostgresConnectionString(options.Value))
        {
            Pooling = false,
            KeepAlive = 5, // a connection the server lost without a word is noticed within seconds
        }.ToString();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                IsListening = true;
                events.EventsMayHaveBeenMissed(); // whatever was sent while this instance was not listening
                DataLog.Listening(logger, Channel);
                _listening.TrySetResult();
                delay = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                IsListening = false;
                events.EventsMayHaveBeenMissed();
                DataLog.ListenerLost(logger, (long)delay.TotalMilliseconds, failure.Message);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private void Receive(string payload)
    {
        RelayMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<RelayMessage>(payload);
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message?.Events is null)
        {
            DataLog.MalformedNotification(logger, Channel);
            return;
        }
        if (message.Instance == _instance)
        {
            return; // delivered here when it was published
        }
        foreach (var change in message.Events)
        {
            events.DeliverFromAnotherInstance(change);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var pending = new List<MerchantEvent>();
        while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
        {
            var seen = new HashSet<MerchantEvent>();
            while (pending.Count < EventsPerNotification * 50 && _outbox.Reader.TryRead(out var change))
            {
                if (seen.Add(change))
                {
                    pending.Add(change); // a receipt reused 100 times since the last batch is one event
                }
            }
            foreach (var chunk in pending.Chunk(EventsPerNotification))
            {
                await NotifyAsync(JsonSerializer.Serialize(new RelayMessage(_instance, chunk)), chunk.Length, stoppingToken);
            }
            pending.Clear();
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Logged: a lost notification costs the other instances at most a cache lifetime.")]
    private async Task NotifyAsync(string payload, int count, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryNotifyAsync(payload, stoppingToken);
                return;
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt == 3)
                {
                    DataLog.NotifyFailed(logger, count, failure.Message);
                    return;
                }
            }
        }
    }

    /// <summary>One try: a pooled connection that a server restart broke fails once and is discarded, the next try gets a new one.</summary>
    private async Task TryNotifyAsync(string payload, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseContextOptions.PostgresConnectionString(options.Value));
        await connection.OpenAsync(stoppingToken);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", payload);
        await notify.ExecuteNonQueryAsync(stoppingToken);
    }
}
