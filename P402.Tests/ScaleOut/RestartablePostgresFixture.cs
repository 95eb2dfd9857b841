namespace P402.Tests.ScaleOut;

/// <summary>The scale-out fixture on a PostgreSQL server of its own, which a test may stop and start again under the running instances.</summary>
public sealed class RestartablePostgresFixture : ScaleOutFixture
{
    protected override bool OwnServer => true;
}
