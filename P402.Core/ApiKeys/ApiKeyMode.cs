namespace P402.Core.ApiKeys;

/// <summary>Which secret prefix a key carries: <c>p402_live_</c> or <c>p402_test_</c>.</summary>
public enum ApiKeyMode
{
    Live,
    Test,
}
