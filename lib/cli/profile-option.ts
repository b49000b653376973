import { loadProfile, type PlatformProfile } from "../environments/profile/profile";
import { UsageError } from "./command";

/** The --profile option's profile (the built-in one when absent); a bad file is a usage error. */
export function profileOption(file: string | undefined): PlatformProfile {
  try {
    return loadProfile(file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
