using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace P402.Core.Payments;

/// <summary>
/// How long each stage of a settlement takes, as the histogram <c>p402.settlement.stage.duration</c> (ms, tag <c>stage</c>) of
/// the meter <c>P402.Settlement</c>: for an operator (or <c>dotnet-counters monitor --counters P402.Settlement</c>) to see
/// where a slow settlement's time goes — verify, reserve, prepare (fees, gas estimate), the key's lease, the nonce, signing,
/// storing the signed transaction, the broadcast round trip, the wait for the watcher, the delivery; and the watcher's passes.
/// </summary>
internal static class SettlementStages
{
    public const string MeterName = "P402.Settlement";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("p402.settlement.stage.duration", "ms",
        "Time spent in one stage of a settlement");

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Records the time since <paramref name="started"/> under <paramref name="stage"/>; returns now, the next stage's start.</summary>
    public static long Record(string stage, long started)
    {
        var now = Stopwatch.GetTimestamp();
        if (Duration.Enabled)
        {
            Duration.Record(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
        }
        return now;
    }
}
