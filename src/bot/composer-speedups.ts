import { installStaticBranch } from "./composer-branch.js";
import { installFlatChain } from "./composer-chain.js";

// Imported for its effect, first, by every module that loads features: most features build their
// composers when their module loads, and a composer built before these run keeps grammY's
// per-update allocations for good.
installStaticBranch();
installFlatChain();
