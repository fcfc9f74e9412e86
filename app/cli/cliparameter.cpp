#include "cliparameter.h"

QString CliParameter::synopsis() const {
    switch (kind) {
    case Kind::Option:
        return QStringLiteral("--%1 %2").arg(name, valueName);
    case Kind::Flag:
        return QStringLiteral("--") + name;
    case Kind::Positional:
        break;
    }
    return repeats ? name + QStringLiteral("...") : name;
}
