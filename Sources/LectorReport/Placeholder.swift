import LectorCore
