namespace Migrations.Dialects;

/// <summary>The kinds of database error the runner explains in the same words on every database.</summary>
public enum ProviderErrorKind
{
    /// <summary>A value repeats where a primary key, unique constraint or unique index forbids it.</summary>
    Duplicate,

    /// <summary>NULL where a column is NOT NULL.</summary>
    NullValue,

    /// <summary>A foreign key names a parent row that does not exist.</summary>
    MissingParent,

    /// <summary>A row to be removed or changed is still referenced by another table's rows.</summary>
    StillReferenced,

    /// <summary>A row fails a check constraint.</summary>
    CheckFailed,

    /// <summary>A value cannot be converted to, or does not fit, its column's type.</summary>
    InvalidValue,

    /// <summary>A table, column, index, type or function that is named does not exist.</summary>
    MissingObject,

    /// <summary>An object that is created already exists.</summary>
    AlreadyExists,

    /// <summary>A lock held by another session was not granted within the lock timeout.</summary>
    LockTimeout,

    /// <summary>A statement ran longer than the statement timeout.</summary>
    StatementTimeout,

    /// <summary>The SQL does not parse.</summary>
    InvalidSql,

    /// <summary>A check the plan runs in the migration's transaction stopped it (<see cref="DataGuards"/>); its message says why.</summary>
    Refused,
}
