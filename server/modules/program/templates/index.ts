import { coffeeClubTemplate } from "./coffee-club.js";
import { fashionVipTemplate } from "./fashion-vip.js";
import { outdoorTemplate } from "./outdoor.js";
import { starterTemplate } from "./starter.js";
import type { ProgramTemplate } from "./template.js";

export const PROGRAM_TEMPLATES: readonly ProgramTemplate[] = [starterTemplate, coffeeClubTemplate, fashionVipTemplate, outdoorTemplate];
