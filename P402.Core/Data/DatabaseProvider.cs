namespace P402.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
