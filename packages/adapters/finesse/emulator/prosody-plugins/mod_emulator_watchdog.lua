-- Stops this Prosody when the Node process that started it is gone (killed, crashed), so a test
-- run or the emulator's CLI never leaves a server behind. The parent's pid comes from the config.

module:set_global();

local lfs = require "lfs";
local parent = module:get_option_number("emulator_parent_pid");

if parent then
	module:add_timer(1, function ()
		if lfs.attributes("/proc/" .. parent) == nil then
			module:log("warn", "The emulator (pid %d) is gone; shutting down.", parent);
			prosody.shutdown("The emulator is gone");
			return nil;
		end
		return 1;
	end);
end
