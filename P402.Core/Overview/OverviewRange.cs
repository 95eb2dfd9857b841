namespace P402.Core.Overview;

/// <summary>The window of the overview's activity chart.</summary>
public enum OverviewRange
{
    /// <summary>The last 24 hours, one bucket per hour.</summary>
    Last24Hours,

    /// <summary>The last 7 days, one bucket per day.</summary>
    Last7Days,

    /// <summary>The last 30 days, one bucket per day.</summary>
    Last30Days,
}
