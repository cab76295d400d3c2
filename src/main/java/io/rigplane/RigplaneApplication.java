package io.rigplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rigplane: a control plane for gaming and workstation VMs on Proxmox VE. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RigplaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(RigplaneApplication.class, args);
    }
}
