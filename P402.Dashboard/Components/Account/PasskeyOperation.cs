namespace P402.Dashboard.Components.Account;

public enum PasskeyOperation
{
    Create = 0,
    Request = 1,
}
